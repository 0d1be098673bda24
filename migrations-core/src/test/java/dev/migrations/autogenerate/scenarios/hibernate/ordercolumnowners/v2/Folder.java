package dev.migrations.autogenerate.scenarios.hibernate.ordercolumnowners.v2;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;

import org.hibernate.annotations.ListIndexBase;

import dev.migrations.autogenerate.scenarios.hibernate.ordercolumnowners.Doc;

@Entity
public class Folder {

	@Id
	Long id;

	@OneToMany
	@JoinColumn(name = "folder_id")
	@OrderColumn(name = "doc_order")
	@ListIndexBase(3)
	List<Doc> docs;

}

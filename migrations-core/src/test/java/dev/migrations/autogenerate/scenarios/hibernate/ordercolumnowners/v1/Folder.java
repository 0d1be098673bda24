package dev.migrations.autogenerate.scenarios.hibernate.ordercolumnowners.v1;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;

import dev.migrations.autogenerate.scenarios.hibernate.ordercolumnowners.Doc;

@Entity
public class Folder {

	@Id
	Long id;

	@OneToMany
	@JoinColumn(name = "folder_id")
	List<Doc> docs;

}

package dev.migrations.autogenerate.scenarios.columns.identifiers.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(name = "заказ", indexes = @Index(name = "индекс_заказа_по_размеру_и_статусу_для_быстрого_поиска", columnList = "größe"))
public class Zakaz {

	@Id
	Long id;

	@Column(name = "größe")
	Integer groesse;

	@Column(name = "статус_заказа_клиента_в_системе_учёта")
	String status;

	@Column(name = "breite")
	Integer breite;
}

package dev.migrations.autogenerate.scenarios.domains.commerce;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;

@Entity
@Table(name = "blc_order_item")
@SecondaryTable(name = "blc_order_item_detail", pkJoinColumns = @PrimaryKeyJoinColumn(name = "order_item_id"))
public class OrderItem {

	@Id
	@GeneratedValue(generator = "OrderItemId")
	@TableGenerator(name = "OrderItemId", table = "sequence_generator", pkColumnName = "id_name",
			valueColumnName = "id_val", pkColumnValue = "OrderItemImpl", allocationSize = 50)
	@Column(name = "order_item_id")
	private Long id;

	@ManyToOne(optional = false)
	private Product product;

	@Column(name = "quantity", nullable = false)
	private int quantity;

	@Column(name = "price", precision = 19, scale = 5)
	private BigDecimal price;

	@Column(name = "gift_message", table = "blc_order_item_detail", length = 500)
	private String giftMessage;

	@Column(name = "gift_wrap", table = "blc_order_item_detail")
	private boolean giftWrap;

	@Version
	private Integer version;

}

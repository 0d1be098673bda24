package dev.migrations.autogenerate.scenarios.apps.realestate.v2;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Entity
@Table(name = "photo")
public class Photo implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@Lob
	@Column(name = "image", nullable = false)
	byte[] image;

	@NotNull
	@Column(name = "image_content_type", nullable = false)
	String imageContentType;

	@Size(max = 140)
	@Column(name = "caption", length = 140)
	String caption;

	@ManyToOne(optional = false)
	@NotNull
	Property property;

}

package dev.migrations.autogenerate.scenarios.domains.fhir;

import java.util.Date;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import jakarta.persistence.Version;

/**
 * The part of HAPI FHIR's {@code ResourceTable} the terminology tables reference; its search indexes,
 * tags and history are left out.
 */
@Entity
@Table(name = "HFJ_RESOURCE", indexes = { @Index(name = "IDX_RES_DATE", columnList = "RES_UPDATED"),
		@Index(name = "IDX_RES_TYPE", columnList = "RES_TYPE") })
public class ResourceTable {

	@Id
	@SequenceGenerator(name = "SEQ_RESOURCE_ID", sequenceName = "SEQ_RESOURCE_ID")
	@GeneratedValue(strategy = GenerationType.AUTO, generator = "SEQ_RESOURCE_ID")
	@Column(name = "RES_ID")
	private Long myId;

	@Column(name = "RES_TYPE", length = 40, nullable = false)
	private String myResourceType;

	@Version
	@Column(name = "RES_VER")
	private long myVersion;

	@Temporal(TemporalType.TIMESTAMP)
	@Column(name = "RES_UPDATED", nullable = false)
	private Date myUpdated;

	@Column(name = "HASH_SHA256", length = 64, nullable = true)
	private String myHashSha256;

}

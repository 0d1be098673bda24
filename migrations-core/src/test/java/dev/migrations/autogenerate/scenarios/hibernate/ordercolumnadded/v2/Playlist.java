package dev.migrations.autogenerate.scenarios.hibernate.ordercolumnadded.v2;

import java.util.List;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;

import org.hibernate.annotations.ListIndexBase;

import dev.migrations.autogenerate.scenarios.hibernate.ordercolumnadded.Track;

@Entity
public class Playlist {

	@Id
	Long id;

	@ElementCollection
	@OrderColumn
	List<String> tags;

	@ManyToMany
	@JoinTable(name = "playlist_tracks")
	@OrderColumn(name = "position")
	@ListIndexBase(1)
	List<Track> tracks;

}

package dev.migrations.autogenerate.scenarios.hibernate.ordercolumnadded.v1;

import java.util.List;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;

import dev.migrations.autogenerate.scenarios.hibernate.ordercolumnadded.Track;

@Entity
public class Playlist {

	@Id
	Long id;

	@ElementCollection
	List<String> tags;

	@ManyToMany
	@JoinTable(name = "playlist_tracks")
	List<Track> tracks;

}

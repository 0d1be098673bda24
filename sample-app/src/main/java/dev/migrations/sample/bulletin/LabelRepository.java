package dev.migrations.sample.bulletin;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LabelRepository extends JpaRepository<Label, Long> {

	Optional<Label> findByTitle(String title);

}

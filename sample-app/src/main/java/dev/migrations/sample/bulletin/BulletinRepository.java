package dev.migrations.sample.bulletin;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface BulletinRepository extends JpaRepository<Bulletin, Long> {

	List<Bulletin> findByStatus(BulletinStatus status);

}

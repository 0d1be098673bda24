package dev.migrations.sample.bulletin;

import java.util.List;
import java.util.Map;

import dev.migrations.sample.ApiErrors;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /bulletins}: list (optionally by status), read and create bulletins. */
@RestController
@RequestMapping("/bulletins")
class BulletinController {

	private final BulletinRepository bulletins;

	private final LabelRepository labels;

	BulletinController(BulletinRepository bulletins, LabelRepository labels) {
		this.bulletins = bulletins;
		this.labels = labels;
	}

	@GetMapping
	@Transactional(readOnly = true)
	List<BulletinView> list(@RequestParam(required = false) BulletinStatus status) {
		List<Bulletin> found = (status != null) ? this.bulletins.findByStatus(status) : this.bulletins.findAll();
		return found.stream().map(BulletinView::of).toList();
	}

	@GetMapping("/{id}")
	@Transactional(readOnly = true)
	BulletinView get(@PathVariable long id) {
		return this.bulletins.findById(id).map(BulletinView::of)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no bulletin " + id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	BulletinView create(@RequestBody NewBulletin request) {
		ApiErrors.require(request.title(), "title");
		Bulletin bulletin = new Bulletin(request.title());
		bulletin.setDescription(request.description());
		if (request.status() != null) {
			bulletin.setStatus(request.status());
		}
		if (request.metadata() != null) {
			bulletin.setMetadata(request.metadata());
		}
		if (request.labels() != null) {
			for (String title : request.labels()) {
				bulletin.getLabels().add(this.labels.findByTitle(title).orElseGet(() -> this.labels.save(new Label(title))));
			}
		}
		return BulletinView.of(this.bulletins.save(bulletin));
	}

	record NewBulletin(String title, String description, BulletinStatus status, Map<String, Object> metadata,
			List<String> labels) {
	}

	record BulletinView(Long id, String title, String description, BulletinStatus status, Map<String, Object> metadata,
			List<String> labels) {

		static BulletinView of(Bulletin bulletin) {
			return new BulletinView(bulletin.getId(), bulletin.getTitle(), bulletin.getDescription(), bulletin.getStatus(),
					bulletin.getMetadata(), bulletin.getLabels().stream().map(Label::getTitle).sorted().toList());
		}

	}

}

package dev.migrations.sample.crm;

import java.math.BigDecimal;
import java.util.List;

import dev.migrations.sample.ApiErrors;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /contacts} and {@code /deals}. */
@RestController
class CrmController {

	private final ContactRepository contacts;

	private final DealRepository deals;

	CrmController(ContactRepository contacts, DealRepository deals) {
		this.contacts = contacts;
		this.deals = deals;
	}

	@GetMapping("/contacts")
	List<Contact> contacts() {
		return this.contacts.findAll();
	}

	@PostMapping("/contacts")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	Contact createContact(@RequestBody Contact contact) {
		ApiErrors.require(contact.getName(), "name");
		if (contact.getEmail() != null && this.contacts.existsByEmail(contact.getEmail())) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "A contact with the email " + contact.getEmail()
					+ " exists already");
		}
		return this.contacts.save(new Contact(contact.getName(), contact.getEmail()));
	}

	@GetMapping("/deals")
	@Transactional(readOnly = true)
	List<DealView> deals() {
		return this.deals.findAll().stream().map(DealView::of).toList();
	}

	@PostMapping("/deals")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	DealView createDeal(@RequestBody NewDeal request) {
		ApiErrors.require(request.title(), "title");
		Contact contact = (request.contactId() == null) ? null : this.contacts.findById(request.contactId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "no contact " + request.contactId()));
		return DealView.of(this.deals.save(new Deal(request.title(), request.amount(),
				(request.currency() != null) ? request.currency() : DealCurrency.USD, contact)));
	}

	record NewDeal(String title, BigDecimal amount, DealCurrency currency, Long contactId) {
	}

	record DealView(Long id, String title, BigDecimal amount, DealCurrency currency, Long contactId) {

		static DealView of(Deal deal) {
			return new DealView(deal.getId(), deal.getTitle(), deal.getAmount(), deal.getCurrency(),
					(deal.getContact() != null) ? deal.getContact().getId() : null);
		}

	}

}

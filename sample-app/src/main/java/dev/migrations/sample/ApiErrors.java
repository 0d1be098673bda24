package dev.migrations.sample;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Client errors of the REST API as problem details (RFC 9457): a missing required field is a 400, a row
 * that conflicts with one stored (a duplicate email, also when two requests race) a 409, never a 500.
 */
@RestControllerAdvice
public class ApiErrors {

	/**
	 * Rejects a request without a required field.
	 * @param value the field's value
	 * @param field the field's name in the request body
	 */
	public static void require(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The field '" + field + "' is required");
		}
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail conflict(DataIntegrityViolationException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The request conflicts with stored data (a unique or required value)");
	}

}

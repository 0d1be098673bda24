package dev.migrations.boot.actuate;

import java.util.Map;
import java.util.function.Function;

import dev.migrations.MigrationsException;
import dev.migrations.boot.actuate.MigrationsEndpoint.MigrationsDescriptor;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.util.Assert;

/**
 * {@code /actuator/migrations} over HTTP: the {@link MigrationsEndpoint}'s response written as JSON
 * once per status and drift report, by actuator's own JSON mapper, and served as those bytes to
 * every request until the status cache reads the database again or the drift report changes. The
 * content type is negotiated as for any actuator endpoint
 * ({@code application/vnd.spring-boot.actuator.v3+json} or {@code application/json}).
 * <p>
 * {@code /actuator/migrations/revisions} answers with the same response listing every revision
 * however long the history (written for each such request). It is a path of its own rather than a
 * query parameter so that the main read operation takes no parameter: actuator checks an operation's
 * parameters on every request.
 */
@EndpointWebExtension(endpoint = MigrationsEndpoint.class)
public class MigrationsEndpointWebExtension {

	private final MigrationsEndpoint endpoint;

	private final Function<MigrationsDescriptor, byte[]> writer;

	/**
	 * Creates the extension.
	 * @param endpoint the endpoint whose responses to serve
	 * @param writer writes a response as JSON, as actuator's JSON mapper writes it
	 */
	public MigrationsEndpointWebExtension(MigrationsEndpoint endpoint, Function<MigrationsDescriptor, byte[]> writer) {
		Assert.notNull(endpoint, "'endpoint' must not be null");
		Assert.notNull(writer, "'writer' must not be null");
		this.endpoint = endpoint;
		this.writer = writer;
	}

	/**
	 * The response: the same bytes as long as the status and the drift report are the same. When the
	 * database cannot be read, {@code 503} with {@code {"error": "Could not read where the database
	 * stands: ..."}}, the reason being the failure's own message (an operator's first question during
	 * an outage, where a bare {@code 500} says nothing).
	 * @return the JSON of {@link MigrationsEndpoint#migrations()}
	 */
	@ReadOperation
	public WebEndpointResponse<Object> migrations() {
		try {
			return new WebEndpointResponse<>(this.endpoint.json(this.writer));
		}
		catch (MigrationsException | DataAccessException ex) {
			return unavailable(ex);
		}
	}

	/**
	 * The response listing every revision, at {@code /actuator/migrations/revisions}.
	 * @param part {@code revisions}; anything else is answered with 404
	 * @return the response
	 */
	@ReadOperation
	public WebEndpointResponse<Object> revisions(@Selector String part) {
		if (!part.equals("revisions")) {
			return new WebEndpointResponse<>(Map.of("message", "No '" + part
					+ "' under /actuator/migrations: /actuator/migrations/revisions lists every revision."),
					WebEndpointResponse.STATUS_NOT_FOUND);
		}
		try {
			return new WebEndpointResponse<>(this.endpoint.migrations(true));
		}
		catch (MigrationsException | DataAccessException ex) {
			return unavailable(ex);
		}
	}

	private static WebEndpointResponse<Object> unavailable(RuntimeException failure) {
		return StatusUnavailable.response("Could not read where the database stands: ", failure);
	}

}

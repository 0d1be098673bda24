package dev.migrations.boot.actuate;

import java.util.Map;
import java.util.function.Function;

import dev.migrations.boot.actuate.MigrationsEndpoint.MigrationsDescriptor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.util.Assert;

/**
 * {@code /actuator/migrations} over HTTP: the {@link MigrationsEndpoint}'s response written as JSON
 * once per status and drift report, by actuator's own JSON mapper, and served as those bytes to
 * every request until the status cache reads the database again or the drift report changes. The
 * content type is negotiated as for any actuator endpoint
 * ({@code application/vnd.spring-boot.actuator.v3+json} or {@code application/json}).
 * <p>
 * {@code ?revisions=all} lists every revision however long the history (written for each such
 * request); any other value of {@code revisions} is answered with 400.
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
	 * The response: the same bytes as long as the status and the drift report are the same.
	 * @param revisions {@code all} to list every revision; {@code null} for the bounded list
	 * @return the JSON, the response listing every revision, or a 400 for another value
	 */
	@ReadOperation
	public Object migrations(@Nullable String revisions) {
		if (revisions == null) {
			return this.endpoint.json(this.writer);
		}
		if (revisions.equals("all")) {
			return this.endpoint.migrations(true);
		}
		return new WebEndpointResponse<>(Map.of("message",
				"Unknown value '" + revisions + "' for 'revisions': use ?revisions=all to list every revision."),
				WebEndpointResponse.STATUS_BAD_REQUEST);
	}

}

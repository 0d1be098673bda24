package dev.migrations.boot.actuate;

import java.util.Map;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * What {@code /actuator/migrations} answers when where a database stands cannot be read: {@code 503}
 * with the reason, for one database and for tenants alike.
 */
public final class StatusUnavailable {

	private StatusUnavailable() {
	}

	/**
	 * The {@code 503} answered when where a database stands cannot be read: {@code {"error": prefix +
	 * reason}}, the reason being the failure's message and its causes' (each once).
	 * @param prefix what could not be read
	 * @param failure the failure
	 * @return the response
	 */
	public static WebEndpointResponse<Object> response(String prefix, RuntimeException failure) {
		StringBuilder reason = new StringBuilder(String.valueOf(failure.getMessage()));
		for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && !reason.toString().contains(message)) {
				reason.append(": ").append(message);
			}
		}
		return new WebEndpointResponse<>(Map.of("error", prefix + reason),
				WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
	}

}

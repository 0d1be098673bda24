package dev.migrations.autogenerate.scenarios.hibernate.contributed;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Asks {@link AuditTrailContributor} for its table, as {@code @Audited} asks Envers for its own. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface AuditTrail {

}

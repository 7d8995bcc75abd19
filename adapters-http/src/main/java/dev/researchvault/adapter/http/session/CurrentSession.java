package dev.researchvault.adapter.http.session;

import io.micronaut.core.bind.annotation.Bindable;
import io.swagger.v3.oas.annotations.Parameter;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the controller method argument that receives the caller's {@link dev.researchvault.application.account.Session}
 * ({@link SessionArgumentBinder}). Hidden from the API description: it is the bearer token the client sends, not a
 * parameter or a part of the body, which is how the OpenAPI generator would otherwise describe it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Bindable
@Parameter(hidden = true)
public @interface CurrentSession {
}

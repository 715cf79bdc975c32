package io.newsflow.search.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code size} parameter: from 1 to {@code newsflow.search.max-page-size}, a bound the deployment sets (see {@link
 * PageSizeValidator}); absent is valid, the default applies.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PageSizeValidator.class)
@interface PageSize {

    String message() default "size must be between 1 and the largest page size";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

package io.newsflow.search.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/** A {@code window} parameter: how far back to look, from 1 minute to 3650 days; one message for either bound. */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@DurationMin(minutes = 1)
@DurationMax(days = 3_650)
@interface Window {

    String message() default "window must be between 1m and 3650d";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

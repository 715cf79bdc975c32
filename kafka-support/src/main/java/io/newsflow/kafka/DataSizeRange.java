package io.newsflow.kafka;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link org.springframework.util.unit.DataSize} property between two sizes, both included, written as in the
 * configuration ({@code 64KB}, {@code 1GB}); Bean Validation has bounds for numbers and Hibernate Validator for
 * durations, but none for sizes. A {@code null} value is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = DataSizeRangeValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface DataSizeRange {

    String min() default "0B";

    String max() default "8EB";

    String message() default "must be between {min} and {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

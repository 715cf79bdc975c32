package io.newsflow.search.api;

import io.newsflow.search.SearchProperties;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Made by Spring's validator factory, which passes the properties in. */
class PageSizeValidator implements ConstraintValidator<PageSize, Integer> {

    private final int maxPageSize;

    PageSizeValidator(SearchProperties properties) {
        this.maxPageSize = properties.search().maxPageSize();
    }

    @Override
    public boolean isValid(Integer size, ConstraintValidatorContext context) {
        if (size == null || size >= 1 && size <= maxPageSize) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("size must be between 1 and " + maxPageSize)
                .addConstraintViolation();
        return false;
    }
}

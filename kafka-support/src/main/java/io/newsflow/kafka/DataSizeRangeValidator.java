package io.newsflow.kafka;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.springframework.util.unit.DataSize;

class DataSizeRangeValidator implements ConstraintValidator<DataSizeRange, DataSize> {

    private DataSize min;
    private DataSize max;

    @Override
    public void initialize(DataSizeRange range) {
        min = DataSize.parse(range.min());
        max = DataSize.parse(range.max());
    }

    @Override
    public boolean isValid(DataSize value, ConstraintValidatorContext context) {
        return value == null || (value.compareTo(min) >= 0 && value.compareTo(max) <= 0);
    }
}

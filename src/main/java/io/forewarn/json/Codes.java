package io.forewarn.json;

import io.forewarn.code.Coded;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The codes a field (or each item of a list field) takes: those of a {@link Coded} enum of the
 * domain, which the OpenAPI document lists as the field's values, so they are never written twice.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Codes {

    Class<? extends Coded> value();
}

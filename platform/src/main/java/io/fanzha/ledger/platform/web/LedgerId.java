package io.fanzha.ledger.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The id rule of api.md: letters, digits, '-' and '_', at most 64 characters. */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = LedgerId.RULE, message = "must be 1-64 letters, digits, '-' or '_'")
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface LedgerId {

  String RULE = "[A-Za-z0-9_-]{1,64}";

  String message() default "must be 1-64 letters, digits, '-' or '_'";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}

package org.huijian.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.huijian.core.Role;

/**
 * The roles that may call a REST resource method (or every method of a class). Every resource method must
 * carry {@code @Allow} or {@link Public}; a method with neither is refused to everyone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Allow {
    Role[] value();
}

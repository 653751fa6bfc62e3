/** Shared types of the Huijian API: roles, the acting principal, errors and input checks. */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.huijian.core;

/** What a feature bundle needs to add REST resources to {@code /api}: role annotations and the caller. */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.huijian.web;

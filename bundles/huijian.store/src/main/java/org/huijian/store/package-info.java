/**
 * For feature bundles that keep their own data in the site database: their own persistence unit and schema
 * scripts, with every change sealed into the platform's audit chain in the same transaction.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.huijian.store;

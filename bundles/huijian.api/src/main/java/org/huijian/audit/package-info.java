/** The append-only, hash-chained audit log of privileged actions. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.huijian.audit;

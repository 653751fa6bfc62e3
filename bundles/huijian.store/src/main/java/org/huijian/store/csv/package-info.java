/** Reading CSV files people make (RFC 4180, with the line each record starts on), for imports of any feature. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.huijian.store.csv;

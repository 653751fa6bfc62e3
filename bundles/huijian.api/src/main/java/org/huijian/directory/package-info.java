/** People and cases: law firms, lawyers (律师), detainees (在押人员) and cases (案件). */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.huijian.directory;

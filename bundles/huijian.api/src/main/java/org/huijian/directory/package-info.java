/**
 * People and cases: law firms, lawyers (律师), detainees (在押人员) and cases (案件), and the CSV import of
 * detainees and their cases ({@link DirectoryService#importDetainees}).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.huijian.directory;

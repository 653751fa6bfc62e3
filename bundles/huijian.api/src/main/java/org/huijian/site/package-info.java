/** Site set-up: centres (会见中心), detention centres (看守所), positions (机位), terminals (会见分机), opening hours and special days. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.huijian.site;

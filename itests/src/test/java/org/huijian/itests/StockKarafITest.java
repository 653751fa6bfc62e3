package org.huijian.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.huijian.core.Capability;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Every Huijian feature installs into a stock Apache Karaf 4.4, as a vendor would add it to their own
 * Karaf: the features repository and artifacts come from the distribution's system folder.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StockKarafITest {
    @Inject
    FeaturesService features;
    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        Path build = Path.of(System.getProperty("project.build.directory", "target"));
        Path system = build.resolve("../../karaf-assembly/target/assembly/system").normalize().toAbsolutePath();
        int http = KarafTestBase.freePort();
        int https = KarafTestBase.freePort();
        return new Option[] {
                karafDistributionConfiguration()
                        .frameworkUrl(maven("org.apache.karaf", "apache-karaf", System.getProperty("karaf.version"))
                                .type("tar.gz"))
                        .unpackDirectory(build.resolve("exam-stock").toFile()).useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                editConfigurationFileExtend("etc/org.ops4j.pax.url.mvn.cfg",
                        "org.ops4j.pax.url.mvn.defaultRepositories", "file:" + system + "@id=huijian@snapshots"),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(http)),
                editConfigurationFilePut("etc/org.huijian.web.cfg", "httpsPort", Integer.toString(https)),
                editConfigurationFilePut("etc/org.huijian.demo.cfg", "password", KarafTestBase.PASSWORD),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(KarafTestBase.freePort())),
                systemProperty("huijian.version").value(System.getProperty("huijian.version")) };
    }

    @Test
    public void eachFeatureInstallsIntoAStockKaraf() throws Exception {
        String version = System.getProperty("huijian.version");
        features.addRepository(URI.create("mvn:org.huijian/huijian.features/" + version + "/xml/features"));
        for (String feature : List.of("huijian-core", "huijian-server", "huijian-demo")) {
            features.installFeature(feature, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            assertTrue(feature + " is installed", features.isInstalled(features.getFeature(feature)));
            for (Bundle b : context.getBundles()) {
                if (b.getSymbolicName().startsWith("huijian.") && b.getHeaders().get("Fragment-Host") == null) {
                    assertEquals(b.getSymbolicName() + " after installing " + feature, Bundle.ACTIVE, b.getState());
                }
            }
        }
        KarafTestBase.await("the core capability", 30_000,
                () -> context.getServiceReference(Capability.class) != null);
        // The site service waits for the persistence unit, which may come up after the capability.
        KarafTestBase.await("the demo site", 60_000, () -> {
            var ref = context.getServiceReference(org.huijian.site.SiteService.class);
            return ref != null && context.getService(ref).centreByCode("GZ-TH").isPresent();
        });
    }

}

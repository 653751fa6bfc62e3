package org.huijian.accounts.internal;

import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.huijian.accounts.AccountService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Offers Huijian accounts as Karaf's JAAS realm (by default {@code karaf}, ranked above Karaf's own). */
@Component(service = JaasRealm.class, configurationPid = "org.huijian.accounts")
public class HuijianJaasRealm implements JaasRealm {
    private final String name;
    private final int rank;
    private final AppConfigurationEntry[] entries;

    @Activate
    public HuijianJaasRealm(@Reference AccountService accounts, BundleContext context,
            DefaultAccountService.Config config) {
        HuijianLoginModule.accounts = accounts;
        this.name = config.jaasRealm();
        this.rank = config.jaasRank();
        this.entries = new AppConfigurationEntry[] { new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                Map.of(ProxyLoginModule.PROPERTY_MODULE, HuijianLoginModule.class.getName(),
                        ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()))) };
    }

    @Deactivate
    void deactivate() {
        HuijianLoginModule.accounts = null;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getRank() {
        return rank;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries;
    }
}

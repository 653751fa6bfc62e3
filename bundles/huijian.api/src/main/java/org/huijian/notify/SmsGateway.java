package org.huijian.notify;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * For vendors: sends a text message through an SMS provider. The platform's SMS notifier uses the
 * registered gateway, if any.
 */
@ConsumerType
public interface SmsGateway {

    /**
     * @param mobile an 11-digit mainland mobile number
     * @param text at most 300 characters, signed by the provider's template as the provider requires
     * @throws java.io.IOException when the provider refused or could not be reached
     */
    void send(String mobile, String text) throws java.io.IOException;
}

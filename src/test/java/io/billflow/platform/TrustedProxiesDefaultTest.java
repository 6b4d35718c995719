package io.billflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The production default of the proxies whose X-Forwarded-* headers are believed (the test profile narrows it to
 * 127.0.0.2): a proxy on the same host only, never a private network where any neighbour could claim an address.
 */
class TrustedProxiesDefaultTest {

    @Test
    void byDefaultOnlyAProxyOnThisHostIsTrusted() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        String regex = environment.getProperty("server.tomcat.remoteip.internal-proxies");
        assertThat(environment.getProperty("server.forward-headers-strategy")).isEqualTo("native");

        Pattern trusted = Pattern.compile(regex);
        assertThat(trusted.matcher("127.0.0.1").matches()).isTrue();
        assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
        for (String neighbour : new String[] {"10.0.0.7", "192.168.1.20", "172.17.0.1", "100.64.0.1", "203.0.113.5",
                "127.0.0.1.evil"}) {
            assertThat(trusted.matcher(neighbour).matches()).as(neighbour).isFalse();
        }
    }
}

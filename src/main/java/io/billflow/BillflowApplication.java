package io.billflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * billflow: reverse-issued Korean e-tax invoices (세금계산서 역발행) and partner settlement on Camunda 7.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BillflowApplication {

    public static void main(String[] args) {
        // before any XML signature class loads: no "&#13;" in base64 values (JDK-8264194), see NtsXmlSignature
        System.setProperty("com.sun.org.apache.xml.internal.security.ignoreLineBreaks", "true");
        SpringApplication.run(BillflowApplication.class, args);
    }
}

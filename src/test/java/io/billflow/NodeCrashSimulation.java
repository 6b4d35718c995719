package io.billflow;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.billflow.nts.api.NtsTransmissionPort;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Tests make our sending node "die" right after NTS received a document: the real call to the NTS
 * simulator goes through, then the caller's thread ends with an unchecked {@link SimulatedNodeCrash} that
 * nothing in billflow catches, so the job and its transaction roll back as if the JVM had stopped.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NodeCrashSimulation {

    @Bean
    @Primary
    CrashAfterDelivery crashAfterDelivery(List<NtsTransmissionPort> ports) {
        return new CrashAfterDelivery(ports.stream().filter(p -> !(p instanceof CrashAfterDelivery)).findFirst()
                .orElseThrow());
    }

    /** The NTS port as billflow sees it in tests: the real adapter, plus an optional crash after delivery. */
    public static final class CrashAfterDelivery implements NtsTransmissionPort {

        private final NtsTransmissionPort delegate;
        private final Set<String> armed = ConcurrentHashMap.newKeySet();

        CrashAfterDelivery(NtsTransmissionPort delegate) {
            this.delegate = delegate;
        }

        /** The next call that delivers this approval number kills the sender after NTS has it. */
        public void crashAfterDelivering(String approvalNumber) {
            armed.add(approvalNumber);
        }

        @Override
        public List<Receipt> submit(List<NtsDocument> documents) {
            List<Receipt> receipts = delegate.submit(documents);
            for (Receipt receipt : receipts) {
                if (receipt.received() && armed.remove(receipt.approvalNumber())) {
                    throw new SimulatedNodeCrash(receipt.approvalNumber());
                }
            }
            return receipts;
        }

        @Override
        public List<NtsResult> results(java.util.Collection<String> approvalNumbers) {
            return delegate.results(approvalNumbers);
        }
    }

    public static final class SimulatedNodeCrash extends RuntimeException {
        SimulatedNodeCrash(String approvalNumber) {
            super("simulated crash of the sending node after NTS received " + approvalNumber);
        }
    }
}

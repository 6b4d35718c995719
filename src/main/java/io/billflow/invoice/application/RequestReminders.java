package io.billflow.invoice.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.billflow.invoice.api.InvoiceState;
import io.billflow.invoice.domain.TaxInvoice;
import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.api.Notifications;
import io.billflow.notification.api.PortalLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders while the supplier has not decided: at most one a day; from the day before the deadline
 * on, a deadline warning (with the 1% late-issue penalty) and, once, an operations task.
 */
@Service
public class RequestReminders {

    private final InvoiceService invoices;
    private final Notifications notifications;
    private final PortalLinks portalLinks;
    private final DeadlineEscalation escalation;
    private final Clock clock;

    public RequestReminders(InvoiceService invoices, Notifications notifications, PortalLinks portalLinks,
                            DeadlineEscalation escalation, Clock clock) {
        this.invoices = invoices;
        this.notifications = notifications;
        this.portalLinks = portalLinks;
        this.escalation = escalation;
        this.clock = clock;
    }

    /** Returns true when something was sent (the invoice still waits for the supplier). */
    @Transactional
    public boolean remind(long invoiceId) {
        TaxInvoice invoice = invoices.get(invoiceId);
        if (invoice.state() != InvoiceState.REQUESTED) {
            return false;
        }
        LocalDate today = LocalDate.now(clock);
        long daysLeft = ChronoUnit.DAYS.between(today, invoice.issuanceDeadline());
        io.billflow.notification.api.SecretValue link = portalLinks.newLink(invoice.partnerId(), "INVOICE", "reminder");
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("supplierName", invoice.invoicer().corpName(),
                "buyerName", invoice.invoicee().corpName(), "invoiceeMgtKey", invoice.invoiceeMgtKey(),
                "writeDate", invoice.writeDate(), "totalAmount", invoice.totalAmount(),
                "deadline", invoice.issuanceDeadline(), "link", link));
        if (daysLeft <= 1) {
            variables.put("supplyAmount", invoice.supplyCostTotal());
            variables.put("daysLeft", (int) Math.max(0, daysLeft));
            notifications.publish(NotificationEvent.INVOICE_DEADLINE_WARNING, "invoice-deadline-warning:" + invoiceId
                    + ":" + today, List.of(InvoiceRecipients.supplier(invoice)), variables);
            escalation.open(invoiceId, new DeadlineEscalation.TaskData(invoice.invoiceeMgtKey(),
                    invoice.invoicer().corpName(),
                    String.valueOf(invoice.invoicer().email()) + " / " + String.valueOf(invoice.invoicer().hp()),
                    String.format("%,d원", invoice.totalAmount()), invoice.issuanceDeadline().toString()));
        } else {
            notifications.publish(NotificationEvent.INVOICE_REMINDER, "invoice-reminder:" + invoiceId + ":" + today,
                    List.of(InvoiceRecipients.supplier(invoice)), variables);
        }
        return true;
    }
}

package io.billflow.nts.simulator;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.billflow.certificate.api.NtsXmlSignature;
import io.billflow.nts.api.NtsTransmissionPort.NtsResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * What the NTS SIMULATOR checks in a received document, in NTS's order: the XML signature (SYN002) and
 * its signer (the supplier's own certificate, valid on the write date), the standard's required elements
 * (SYN004), the write date against the approval number (ERR006), the business numbers of both parties
 * (ERR001 / ERR002 unregistered, ERR009 closed) and the amounts and their signs (ERR007). Duplicate
 * approval numbers (SYN003) are the ledger's business ({@link NtsSimulator}).
 */
@Component
@Profile("nts-simulator")
public class NtsDocumentCheck {

    /** How NTS knows a business number. */
    public enum BusinessStatus { ACTIVE, UNREGISTERED, CLOSED }

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Pattern BUSINESS_NUMBER_IN_CN = Pattern.compile("\\(\\)\\d{3}(\\d{10})");
    private static final Map<String, Pattern> ELEMENTS = new ConcurrentHashMap<>();

    private final Map<String, BusinessStatus> statuses = new ConcurrentHashMap<>();

    public NtsDocumentCheck(@Value("${billflow.simulator.nts.unregistered-numbers:}") Set<String> unregistered,
                            @Value("${billflow.simulator.nts.closed-numbers:}") Set<String> closed) {
        unregistered.stream().filter(n -> !n.isBlank()).forEach(n -> statuses.put(n.strip(), BusinessStatus.UNREGISTERED));
        closed.stream().filter(n -> !n.isBlank()).forEach(n -> statuses.put(n.strip(), BusinessStatus.CLOSED));
    }

    public void setStatus(String businessNumber, BusinessStatus status) {
        if (status == BusinessStatus.ACTIVE) {
            statuses.remove(businessNumber);
        } else {
            statuses.put(businessNumber, status);
        }
    }

    public BusinessStatus status(String businessNumber) {
        return businessNumber == null ? BusinessStatus.ACTIVE : statuses.getOrDefault(businessNumber, BusinessStatus.ACTIVE);
    }

    NtsResult verdict(String approvalNumber, byte[] signedXml, Instant at) {
        String refusal = refusal(approvalNumber, signedXml);
        return refusal == null
                ? new NtsResult(approvalNumber, true, "SUC001", "정상 접수", at)
                : new NtsResult(approvalNumber, false, refusal.substring(0, 6), refusal.substring(7), at);
    }

    /** "CODE00 meaning", or null when NTS takes the document. */
    private String refusal(String approvalNumber, byte[] signedXml) {
        NtsXmlSignature.Verification signature;
        try {
            signature = NtsXmlSignature.verify(signedXml);
        } catch (RuntimeException e) {
            return "SYN004 XML 문서를 읽을 수 없습니다";
        }
        if (!signature.valid()) {
            return "SYN002 전자서명 오류: " + signature.reason();
        }
        String xml = new String(signedXml, StandardCharsets.UTF_8);
        String issueId = first(xml, "IssueID", 0);
        int documentAt = xml.indexOf("<TaxInvoiceDocument>");
        String issueDate = documentAt < 0 ? null : first(xml, "IssueDateTime", documentAt);
        String invoicer = first(xml, "ID", xml.indexOf("<InvoicerParty>"));
        String invoicee = first(xml, "ID", xml.indexOf("<InvoiceeParty>"));
        Long charge = amount(xml, "ChargeTotalAmount");
        Long tax = amount(xml, "TaxTotalAmount");
        Long grand = amount(xml, "GrandTotalAmount");
        LocalDate writeDate = date(issueDate);
        if (issueId == null || invoicer == null || invoicee == null || writeDate == null
                || charge == null || tax == null || grand == null) {
            return "SYN004 표준 스키마 오류: 필수 항목(승인번호, 작성일자, 공급자·공급받는자 등록번호, 합계금액)이 없거나 형식이 틀립니다";
        }
        if (!issueId.equals(approvalNumber)) {
            return "SYN004 표준 스키마 오류: 승인번호가 문서와 다릅니다";
        }
        String signerRefusal = signerRefusal(signature.signer(), invoicer, writeDate);
        if (signerRefusal != null) {
            return signerRefusal;
        }
        if (!approvalNumber.startsWith(issueDate.substring(0, 8))) {
            return "ERR006 작성일자가 승인번호의 날짜와 다릅니다";
        }
        if (status(invoicer) == BusinessStatus.UNREGISTERED) {
            return "ERR001 공급자 사업자등록번호가 등록되어 있지 않습니다";
        }
        if (status(invoicee) == BusinessStatus.UNREGISTERED) {
            return "ERR002 공급받는자 사업자등록번호가 등록되어 있지 않습니다";
        }
        if (status(invoicer) == BusinessStatus.CLOSED) {
            return "ERR009 폐업 후 발급된 세금계산서입니다";
        }
        if (grand != charge + tax || (tax != 0 && Long.signum(tax) != Long.signum(charge))) {
            return "ERR007 금액 또는 부호 오류: 합계금액은 공급가액과 세액의 합이고 세액의 부호는 공급가액과 같아야 합니다";
        }
        return null;
    }

    /**
     * The signer must be the supplier: a Korean corporate NPKI certificate names its business number in
     * the CN ("상호()001" + 사업자등록번호 + …); a certificate without one is taken on its signature alone.
     * It must also have been valid on the write date.
     */
    private static String signerRefusal(X509Certificate signer, String invoicer, LocalDate writeDate) {
        String subject = signer.getSubjectX500Principal().getName();
        Matcher cn = BUSINESS_NUMBER_IN_CN.matcher(subject);
        if (cn.find() && !cn.group(1).equals(invoicer)) {
            return "SYN002 전자서명 오류: 서명한 인증서가 공급자(" + invoicer + ")의 것이 아닙니다";
        }
        try {
            signer.checkValidity(Date.from(writeDate.plusDays(1).atStartOfDay(SEOUL).minusNanos(1).toInstant()));
        } catch (CertificateExpiredException e) {
            return "SYN002 전자서명 오류: 작성일자에 서명 인증서의 유효기간이 지났습니다";
        } catch (CertificateNotYetValidException e) {
            // issued later on the write date itself: NTS compares dates, so the end of that day counts
        }
        return null;
    }

    private static LocalDate date(String issueDateTime) {
        if (issueDateTime == null || issueDateTime.length() < 8) {
            return null;
        }
        try {
            return LocalDate.parse(issueDateTime.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long amount(String xml, String element) {
        String value = first(xml, element, 0);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String first(String xml, String element, int from) {
        if (from < 0) {
            return null;
        }
        Matcher m = ELEMENTS.computeIfAbsent(element,
                e -> Pattern.compile("<" + e + ">([^<]*)</" + e + ">")).matcher(xml);
        return m.find(from) ? m.group(1).strip() : null;
    }
}

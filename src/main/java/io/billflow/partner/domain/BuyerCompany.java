package io.billflow.partner.domain;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** One of the operator's own business entities: the buyer (공급받는자) on reverse invoices. */
@Table("buyer_company")
public class BuyerCompany {

    @Id
    private Long id;
    @Version
    private Integer version;
    private String corpNum;
    private String taxRegId;
    private String corpName;
    private String ceoName;
    private String addr;
    private String bizType;
    private String bizClass;
    private String contactName;
    private String contactEmail;
    private String contactMobile;
    private String contactTel;
    private Instant createdAt;
    private Instant updatedAt;

    protected BuyerCompany() {
    }

    public static BuyerCompany create(String corpNum, CompanyData data, Instant now) {
        BuyerCompany company = new BuyerCompany();
        company.corpNum = corpNum;
        company.update(data, now);
        company.createdAt = now;
        return company;
    }

    public void update(CompanyData data, Instant now) {
        taxRegId = data.taxRegId();
        corpName = data.corpName();
        ceoName = data.ceoName();
        addr = data.addr();
        bizType = data.bizType();
        bizClass = data.bizClass();
        contactName = data.contact().name();
        contactEmail = data.contact().email();
        contactMobile = data.contact().mobile();
        contactTel = data.contact().tel();
        updatedAt = now;
    }

    /** The editable data of a buyer company. */
    public record CompanyData(String taxRegId, String corpName, String ceoName, String addr, String bizType,
                              String bizClass, Contact contact) {
    }

    public Long id() { return id; }
    public Integer version() { return version; }
    public String corpNum() { return corpNum; }
    public String taxRegId() { return taxRegId; }
    public String corpName() { return corpName; }
    public String ceoName() { return ceoName; }
    public String addr() { return addr; }
    public String bizType() { return bizType; }
    public String bizClass() { return bizClass; }
    public Contact contact() { return new Contact(contactName, contactEmail, contactMobile, contactTel); }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}

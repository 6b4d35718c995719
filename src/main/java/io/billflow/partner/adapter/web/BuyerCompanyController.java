package io.billflow.partner.adapter.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.billflow.partner.api.ValidBusinessNumber;
import io.billflow.partner.application.BuyerCompanyRepository;
import io.billflow.partner.domain.BuyerCompany;
import io.billflow.partner.domain.CompanyProfile;
import io.billflow.partner.domain.Contact;
import io.billflow.platform.web.ConflictException;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.platform.web.ResourceNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's own business entities: the buyer (공급받는자) block of every reverse invoice. */
@RestController
@RequestMapping("/api/buyer-companies")
@Tag(name = "Buyer companies", description = "The operator's business entities (공급받는자)")
class BuyerCompanyController {

    /** Create or replace a buyer company; every field NTS prints on the invoice is required. */
    public record BuyerCompanyRequest(
            @NotBlank @ValidBusinessNumber String corpNum,
            @Pattern(regexp = "\\d{4}", message = "must be 4 digits") String taxRegId,
            @NotBlank @Size(max = 200) String corpName,
            @NotBlank @Size(max = 100) String ceoName,
            @NotBlank @Size(max = 300) String addr,
            @NotBlank @Size(max = 100) String bizType,
            @NotBlank @Size(max = 100) String bizClass,
            @Size(max = 100) String contactName,
            @NotBlank @Email @Size(max = 100) String contactEmail,
            @Pattern(regexp = "01[016789]-?\\d{3,4}-?\\d{4}", message = "must be a Korean mobile number") String contactMobile,
            @Pattern(regexp = "0\\d{1,2}-?\\d{3,4}-?\\d{4}", message = "must be a Korean phone number") String contactTel,
            Integer version) {

        BuyerCompany.CompanyData data() {
            return new BuyerCompany.CompanyData(new CompanyProfile(taxRegId, corpName.trim(), ceoName.trim(),
                    addr.trim(), bizType.trim(), bizClass.trim()),
                    new Contact(contactName, contactEmail.trim(), contactMobile, contactTel));
        }
    }

    public record BuyerCompanyView(long id, int version, String corpNum, String taxRegId, String corpName,
                                   String ceoName, String addr, String bizType, String bizClass, Contact contact,
                                   Instant createdAt, Instant updatedAt) {
        static BuyerCompanyView of(BuyerCompany b) {
            return new BuyerCompanyView(b.id(), b.version(), b.corpNum(), b.taxRegId(), b.corpName(), b.ceoName(),
                    b.addr(), b.bizType(), b.bizClass(), b.contact(), b.createdAt(), b.updatedAt());
        }
    }

    private final BuyerCompanyRepository companies;
    private final Clock clock;

    public BuyerCompanyController(BuyerCompanyRepository companies, Clock clock) {
        this.companies = companies;
        this.clock = clock;
    }

    @Operation(summary = "Register a buyer company (공급받는자) by business number (409 if it exists)")
    @PostMapping
    @Transactional
    public ResponseEntity<BuyerCompanyView> create(@Valid @RequestBody BuyerCompanyRequest request) {
        String corpNum = request.corpNum().replace("-", "");
        companies.findByCorpNum(corpNum).ifPresent(existing -> {
            throw new ConflictException("corpNum", "Buyer company " + corpNum + " exists already (id " + existing.id() + ")");
        });
        try {
            BuyerCompany saved = companies.save(BuyerCompany.create(corpNum, request.data(), clock.instant()));
            return ResponseEntity.created(URI.create("/api/buyer-companies/" + saved.id())).body(BuyerCompanyView.of(saved));
        } catch (DuplicateKeyException race) {
            throw new ConflictException("corpNum", "Buyer company " + corpNum + " exists already");
        }
    }

    @Operation(summary = "Replace a buyer company's details (send the version you read; the business number cannot change)")
    @PutMapping("/{id}")
    @Transactional
    public BuyerCompanyView update(@PathVariable long id, @Valid @RequestBody BuyerCompanyRequest request) {
        BuyerCompany company = find(id);
        if (request.version() == null) {
            throw new InvalidInputException("version", "is required: send the version you read");
        }
        if (!Objects.equals(company.version(), request.version())) {
            throw new ConflictException("version", "The buyer company was changed by someone else; reload and retry");
        }
        if (!company.corpNum().equals(request.corpNum().replace("-", ""))) {
            throw new InvalidInputException("corpNum", "the business number cannot change; register a new buyer company");
        }
        company.update(request.data(), clock.instant());
        return BuyerCompanyView.of(companies.save(company));
    }

    @Operation(summary = "One buyer company")
    @GetMapping("/{id}")
    public BuyerCompanyView get(@PathVariable long id) {
        return BuyerCompanyView.of(find(id));
    }

    @Operation(summary = "All buyer companies")
    @GetMapping
    public List<BuyerCompanyView> list() {
        return companies.findAll().stream().map(BuyerCompanyView::of).toList();
    }

    private BuyerCompany find(long id) {
        return companies.findById(id).orElseThrow(() -> new ResourceNotFoundException("No buyer company " + id));
    }
}

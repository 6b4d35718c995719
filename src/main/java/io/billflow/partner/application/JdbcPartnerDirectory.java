package io.billflow.partner.application;

import java.util.List;
import java.util.Optional;

import io.billflow.partner.api.PartnerDirectory;
import io.billflow.partner.api.PartnerSnapshot;
import io.billflow.partner.domain.BusinessState;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcPartnerDirectory implements PartnerDirectory {

    private static final java.time.Duration STATUS_MAX_AGE = java.time.Duration.ofDays(1);

    private final PartnerRepository partners;
    private final BuyerCompanyRepository buyers;
    private final PartnerService partnerService;
    private final java.time.Clock clock;

    JdbcPartnerDirectory(PartnerRepository partners, BuyerCompanyRepository buyers, PartnerService partnerService,
                         java.time.Clock clock) {
        this.partners = partners;
        this.buyers = buyers;
        this.partnerService = partnerService;
        this.clock = clock;
    }

    @Override
    public Optional<PartnerSnapshot> partnerWithFreshStatus(long partnerId) {
        partners.findById(partnerId).ifPresent(p -> {
            boolean stale = p.businessStateCheckedAt() == null
                    || p.businessStateCheckedAt().isBefore(clock.instant().minus(STATUS_MAX_AGE));
            if (p.corpNum() != null && stale) {
                try {
                    partnerService.refreshBusinessStatusIndependently(partnerId);
                } catch (BusinessStatusPort.BusinessStatusUnavailableException unavailable) {
                    // keep the last known state; the request goes on
                }
            }
        });
        return partner(partnerId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PartnerSnapshot> partner(long partnerId) {
        return partners.findById(partnerId).map(p -> new PartnerSnapshot(p.id(), p.corpNum(), p.taxRegId(),
                p.corpName(), p.ceoName(), p.addr(), p.bizType(), p.bizClass(), p.contact().name(),
                p.contact().email(), p.contact().mobile(), p.contact().tel(), p.extraEmails(), p.isNtsLinked(),
                p.businessState() == BusinessState.CLOSED));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> partnerIdByCorpNum(String corpNum, String taxRegId) {
        return partners.findByCorpNumAndTaxRegId(corpNum, taxRegId).map(p -> p.id());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> partnerIdsByCorpNum(String corpNum) {
        return partners.findIdsByCorpNum(corpNum);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> soleBuyerCompanyId() {
        List<Long> ids = buyers.findFirst2ByOrderByIdAsc().stream().map(b -> b.id()).toList();
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> buyerCompanyIdByCorpNum(String corpNum) {
        return buyers.findByCorpNum(corpNum).map(b -> b.id());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PartnerSnapshot> buyerCompany(long buyerCompanyId) {
        return buyers.findById(buyerCompanyId).map(b -> new PartnerSnapshot(b.id(), b.corpNum(), b.taxRegId(),
                b.corpName(), b.ceoName(), b.addr(), b.bizType(), b.bizClass(), b.contact().name(),
                b.contact().email(), b.contact().mobile(), b.contact().tel(), List.of(), true, false));
    }
}

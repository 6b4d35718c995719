package io.billflow.portal.application;

import java.util.Optional;

import io.billflow.partner.api.PartnerDirectory;
import io.billflow.platform.web.ResourceNotFoundException;
import io.billflow.settlement.api.GroupSignInCodes;
import io.billflow.settlement.api.SignInCodeRefusedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An individual's sign-in: the link from its settlement notice, bound to the group it was sent for, then a
 * one-time code by SMS to that group's verification mobile instead of a business number. The settlement module
 * owns the codes (they go to its group's mobile) and counts the wrong ones per link; when a link has used up its
 * tries it is revoked here, as five wrong business numbers revoke a business's link. A business's link has no
 * code path: for it there is no page, and sending or checking a code is "not found".
 */
@Service
public class IndividualAccess {

    /** What the sign-in page shows: the group, where the code goes, and the open code if there is one. */
    public record SignInPage(String groupName, String verificationMobile, Optional<GroupSignInCodes.PendingCode> pending) {
    }

    private final PortalAccess links;
    private final GroupSignInCodes codes;
    private final PartnerDirectory partners;

    public IndividualAccess(PortalAccess links, GroupSignInCodes codes, PartnerDirectory partners) {
        this.links = links;
        this.codes = codes;
        this.partners = partners;
    }

    /** Empty when the link is unknown, expired, revoked or a business's. */
    @Transactional(readOnly = true)
    public Optional<SignInPage> page(String token) {
        return individualLink(token).flatMap(link -> codes.target(link.settlementGroupId())
                .map(group -> new SignInPage(group.groupName(), group.verificationMobile(),
                        codes.pending(link.settlementGroupId(), challenge(link)))));
    }

    /**
     * Sends a code to the link's group mobile.
     *
     * @throws SignInCodeRefusedException when the link has no tries left or the day's codes are used up
     */
    @Transactional
    public GroupSignInCodes.PendingCode sendCode(String token) {
        PortalAccess.Link link = individualLink(token).orElseThrow(IndividualAccess::noSuchLink);
        return codes.send(link.settlementGroupId(), challenge(link), holder(link));
    }

    /**
     * Checks the typed code; the right one signs the individual in to the link's group.
     *
     * @throws SignInCodeRefusedException when it is not accepted (the last wrong try revokes the link)
     */
    @Transactional(noRollbackFor = SignInCodeRefusedException.class)
    public IndividualPrincipal prove(String token, String typedCode) {
        PortalAccess.Link link = individualLink(token).orElseThrow(IndividualAccess::noSuchLink);
        try {
            codes.check(link.settlementGroupId(), challenge(link), typedCode, holder(link));
        } catch (SignInCodeRefusedException refused) {
            if (refused.reason() == SignInCodeRefusedException.Reason.LOCKED) {
                links.revoke(link.id());
            }
            throw refused;
        }
        return new IndividualPrincipal(link.partnerId(), link.settlementGroupId(),
                partners.partner(link.partnerId()).orElseThrow().corpName());
    }

    private Optional<PortalAccess.Link> individualLink(String token) {
        return links.live(token).filter(PortalAccess.Link::individual);
    }

    /** The codes of one link are one challenge: their wrong tries count together. */
    private static String challenge(PortalAccess.Link link) {
        return "portal-invitation:" + link.id();
    }

    /** Whoever holds the link, before proving anything (the audit's actor). */
    private static String holder(PortalAccess.Link link) {
        return "portal-link:" + link.id();
    }

    private static ResourceNotFoundException noSuchLink() {
        return new ResourceNotFoundException("No individual's portal link");
    }
}

package org.proxyfund.payout;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.proxyfund.common.identity.Viewer;
import org.proxyfund.web.Pages;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Admin pages of payout batches: lists by stage, one batch with lines, fee, size, txids, approvals and history. */
@Path("/admin/payouts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class PayoutAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Section> sections, Map<Long, String> waiting, String notice, String refillAddress);

        static native TemplateInstance detail(PayoutBatchView b, List<PayoutLine> lines, Map<Long, String> handles,
                                              List<PayoutTx> txs, List<Long> approvals, List<PayoutEventView> events,
                                              Map<Long, String> eventText, String lineCount, String waiting, FeeEstimate fee, String notice, String error,
                                              PayoutPsbt psbt, String psbtBase64);
    }

    @Inject
    Pages pages;
    @Inject
    Viewer viewer;
    @Inject
    PayoutQueries queries;
    @Inject
    PayoutService payouts;
    @Inject
    PayoutTrigger trigger;
    @Inject
    BatchWaiting waiting;
    @Inject
    FeeEstimator fees;
    @Inject
    PsbtSigning signing;
    @Inject
    PsbtOffers offers;
    @Inject
    FloatRouting floatRouting;

    @GET
    @Operation(hidden = true)
    public TemplateInstance list() {
        return list(null);
    }

    /** One stage of the list page: its title and its newest batches. */
    public record Section(String id, String title, List<PayoutBatchView> batches) {
    }

    private TemplateInstance list(String notice) {
        PayoutMessages m = PayoutPages.messages(pages.locale());
        List<Section> sections = List.of(
                new Section("proposed", m.section_proposed(), queries.inStates(List.of(BatchState.PROPOSED), 200)),
                new Section("approved", m.section_approved(),
                        queries.inStates(List.of(BatchState.APPROVED, BatchState.AWAITING_SIGNATURES), 200)),
                new Section("in-flight", m.section_in_flight(), queries.inStates(List.of(BatchState.SIGNED, BatchState.BROADCAST), 200)),
                new Section("completed", m.section_completed(),
                        queries.inStates(List.of(BatchState.CONFIRMED, BatchState.REJECTED, BatchState.FAILED), 200)));
        Map<Long, String> why = new java.util.HashMap<>();
        for (Section section : sections) {
            for (PayoutBatchView b : section.batches()) {
                waiting.of(b).ifPresent(w -> why.put(b.id(), w.text(pages.locale())));
            }
        }
        return pages.page(Templates.list(sections, why, notice, floatRouting.refillAddress().orElse(null)));
    }

    @POST
    @Path("trigger")
    @Operation(hidden = true)
    public TemplateInstance proposeNow(@RestForm String csrf) {
        return list(PayoutTrigger.describe(trigger.run(Instant.now())));
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public TemplateInstance detail(@RestPath long id) {
        return detail(id, null, null);
    }

    @POST
    @Path("{id}/approve")
    @Operation(hidden = true)
    public Response approve(@RestPath long id, @RestForm int revision, @RestForm String csrf) {
        return answer(id, payouts.approve(id, viewer.require().accountId(), revision));
    }

    @POST
    @Path("{id}/reject")
    @Operation(hidden = true)
    public Response reject(@RestPath long id, @RestForm String reason, @RestForm String csrf) {
        return answer(id, payouts.reject(id, viewer.require().accountId(), reason), true);
    }

    @POST
    @Path("{id}/lines/{accountId}/remove")
    @Operation(hidden = true)
    public Response removeLine(@RestPath long id, @RestPath long accountId, @RestForm String csrf) {
        return answer(id, payouts.removeLine(id, accountId, viewer.require().accountId()));
    }

    /** The current PSBT of a batch awaiting signatures, as a .psbt file (BIP-174 binary). */
    @GET
    @Path("{id}/psbt")
    @Produces("application/octet-stream")
    @Operation(hidden = true)
    public Response psbt(@RestPath long id) {
        PayoutPsbt p = signing.current(id).orElseThrow(() -> new NotFoundException("batch " + id + " has no PSBT"));
        return Response.ok(p.psbt()).header("Content-Disposition",
                "attachment; filename=\"proxyfund-batch-" + id + "-r" + p.revision() + ".psbt\"").build();
    }

    /** A new PSBT revision at the admin's fee rate, spending the same coins; older revisions are refused from then on. */
    @POST
    @Path("{id}/psbt/renew")
    @Operation(hidden = true)
    public Response renewPsbt(@RestPath long id, @RestForm long satPerVb, @RestForm String csrf) {
        viewer.require();
        return answer(id, offers.renew(id, satPerVb));
    }

    /** An admin's signed PSBT (base64) or signed transaction (hex): checked against the batch, stored if it matches. */
    @POST
    @Path("{id}/signed")
    @Operation(hidden = true)
    public Response signed(@RestPath long id, @RestForm String signed, @RestForm String csrf) {
        byte[] upload = signed == null ? new byte[0] : signed.strip().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        PayoutMessages m = PayoutPages.messages(pages.locale());
        return switch (signing.accept(id, viewer.require().accountId(), upload)) {
            case PsbtUpload.NotFound n -> throw new NotFoundException("no payout batch " + id);
            case PsbtUpload.Accepted a -> Response.ok(detail(id, m.psbt_accepted(a.txid()), null)).build();
            case PsbtUpload.AlreadySignedByYou y -> Response.status(409).entity(detail(id, null, m.psbt_already_signed_by_you(y.txid()))).build();
            case PsbtUpload.NotAwaiting w -> Response.status(409).entity(detail(id, null,
                    m.psbt_not_awaiting(m.batch_state(w.state().name())))).build();
            case PsbtUpload.Refused r -> Response.status(422).entity(detail(id, null, refused(m, r.why()))).build();
        };
    }

    private static String refused(PayoutMessages m, org.proxyfund.wallet.PsbtCheck.Refused r) {
        List<String> a = new java.util.ArrayList<>(r.args());
        while (a.size() < 5) {
            a.add("");
        }
        return m.psbt_refused(r.reason().name(), a.get(0), a.get(1), a.get(2), a.get(3), a.get(4));
    }

    /** The batch page again with the outcome in words, at the status {@link PayoutAnswers} gives it. */
    private Response answer(long id, PayoutOutcome outcome) {
        return answer(id, outcome, false);
    }

    private Response answer(long id, PayoutOutcome outcome, boolean rejecting) {
        return switch (outcome) {
            case PayoutOutcome.NotFound n -> throw new NotFoundException("no payout batch " + id);
            case PayoutOutcome.Done d -> Response.ok(detail(id, PayoutAnswerText.done(d, pages.locale()), null)).build();
            case PayoutOutcome.Refused r -> Response.status(PayoutAnswers.status(r)).entity(detail(id, null,
                    PayoutAnswerText.refused(r, queries.batch(id).orElseThrow(() -> new NotFoundException("no payout batch " + id)),
                            rejecting, pages.locale()))).build();
            default -> Response.status(PayoutAnswers.status(outcome)).entity(detail(id, outcome.toString(), null)).build();
        };
    }

    private TemplateInstance detail(long id, String notice, String error) {
        PayoutBatchView b = queries.batch(id).orElseThrow(() -> new NotFoundException("no payout batch " + id));
        String why = waiting.of(b).map(w -> w.text(pages.locale())).orElse(null);
        PayoutPsbt psbt = b.state() == BatchState.AWAITING_SIGNATURES ? signing.current(id).orElse(null) : null;
        List<PayoutEventView> events = queries.events(id);
        Map<Long, String> eventText = new java.util.HashMap<>();
        events.forEach(e -> eventText.put(e.id(), PayoutEventText.of(e, pages.locale())));
        return pages.page(Templates.detail(b, queries.lines(id), queries.handles(id), queries.transactions(id),
                queries.approvals(id), events, eventText, PayoutEventText.lineCount(b.lineCount(), pages.locale()), why, b.state() == BatchState.APPROVED || b.state() == BatchState.SIGNED
                        || b.state() == BatchState.BROADCAST ? fees.recent(queries.inFlightTxids()) : null, notice, error,
                psbt, psbt == null ? null : java.util.Base64.getEncoder().encodeToString(psbt.psbt())));
    }
}

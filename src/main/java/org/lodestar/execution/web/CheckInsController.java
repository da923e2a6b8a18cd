package org.lodestar.execution.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.checkin.CheckInRefused;
import org.lodestar.execution.checkin.CheckInStatus;
import org.lodestar.execution.checkin.CheckIns;
import org.lodestar.execution.checkin.Download;
import org.lodestar.execution.checkin.EvidenceRule;
import org.lodestar.execution.checkin.ItemRef;
import org.lodestar.execution.checkin.TrackedItem;
import org.lodestar.execution.checkin.Upload;
import org.lodestar.execution.updates.Freshness;
import org.lodestar.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * An item's check-ins (newest first, with when it was last updated and whether it is behind) and the form to post
 * one, which update requests link to ({@code /check-ins/new?item=project:...}); the evidence files, only ever as
 * attachments; and a small part the action and KPI pages load to show their freshness.
 */
@Controller
class CheckInsController {

    private final CheckIns checkIns;
    private final Freshness freshness;
    private final DirectoryApi directory;

    CheckInsController(CheckIns checkIns, Freshness freshness, DirectoryApi directory) {
        this.checkIns = checkIns;
        this.freshness = freshness;
        this.directory = directory;
    }

    @GetMapping({"/check-ins", "/check-ins/new"})
    String page(@RequestParam String item, @AuthenticationPrincipal SignedInUser user, Model model) {
        return page(user, ref(item), new CheckInForm(null, "", "", ""), model);
    }

    /**
     * Whether the person may post on the item is decided before the files they sent are looked at; the files are read
     * only then, each within the 10 MB a file may have.
     */
    @PostMapping("/check-ins")
    String post(
            @RequestParam String item,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "") String whatHappened,
            @RequestParam(defaultValue = "") String whatWeLearned,
            @RequestParam(defaultValue = "") String whatChanges,
            @RequestParam(required = false) String lockReason,
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            HttpServletResponse response,
            Model model)
            throws IOException {
        ItemRef ref = ref(item);
        checkIns.checkable(user, ref);
        CheckInForm form = new CheckInForm(status, whatHappened, whatWeLearned, whatChanges);
        try {
            checkIns.post(user, ref, status, whatHappened, whatWeLearned, whatChanges, uploads(files), lockReason);
        } catch (CheckInRefused refused) {
            response.setStatus(422);
            model.addAttribute("problems", refused.problems());
            return page(user, ref, form, model);
        }
        return "redirect:/check-ins?item=" + ref + "&posted";
    }

    @GetMapping("/check-ins/latest")
    String latest(@RequestParam String item, @AuthenticationPrincipal SignedInUser user, Model model) {
        TrackedItem tracked = checkIns.item(user, ref(item));
        model.addAttribute("item", tracked);
        model.addAttribute(
                "fresh", freshness.of(user.districtId(), List.of(tracked)).get(0));
        model.addAttribute("canCheckIn", checkIns.canCheckIn(user, tracked));
        return "execution/check-ins :: latest";
    }

    @GetMapping("/check-ins/files/{id}")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        Download file = checkIns.download(user, id);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(file.bytes());
    }

    private String page(SignedInUser user, ItemRef ref, CheckInForm form, Model model) {
        TrackedItem tracked = checkIns.item(user, ref);
        model.addAttribute("item", tracked);
        model.addAttribute(
                "fresh", freshness.of(user.districtId(), List.of(tracked)).get(0));
        model.addAttribute("history", checkIns.history(user.districtId(), ref));
        model.addAttribute("names", directory.namesById(user.districtId()));
        model.addAttribute("canCheckIn", checkIns.canCheckIn(user, tracked));
        model.addAttribute("statuses", CheckInStatus.values());
        model.addAttribute("form", form);
        model.addAttribute("maxFiles", EvidenceRule.MAX_FILES);
        model.addAttribute("mayGiveLockReason", user.isAdmin());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "execution/check-ins";
    }

    private static ItemRef ref(String item) {
        return ItemRef.parse(item).orElseThrow(() -> new NotFoundException("item"));
    }

    /** What the form sent back, shown again when it is refused. */
    record CheckInForm(String status, String whatHappened, String whatWeLearned, String whatChanges) {}

    /** The files sent, each read only when it is within the size a file may have (a larger one is not read at all). */
    private static List<Upload> uploads(List<MultipartFile> files) throws IOException {
        List<Upload> uploads = new ArrayList<>();
        if (files == null) {
            return uploads;
        }
        for (MultipartFile file : files) {
            if (file.isEmpty()
                    && (file.getOriginalFilename() == null
                            || file.getOriginalFilename().isBlank())) {
                continue; // the form's file field left empty
            }
            boolean tooLarge = file.getSize() > EvidenceRule.MAX_BYTES;
            uploads.add(new Upload(file.getOriginalFilename(), tooLarge ? new byte[0] : file.getBytes(), tooLarge));
        }
        return uploads;
    }
}

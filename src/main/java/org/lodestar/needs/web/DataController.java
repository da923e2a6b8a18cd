package org.lodestar.needs.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.needs.domain.DataImport;
import org.lodestar.needs.domain.MetricCatalog;
import org.lodestar.shared.ForbiddenException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The data behind the needs assessment: importing values (CSV or XLSX, or Ed-Fi interchanges) and reading a metric's
 * values by school and student group with its trend. Roles are checked before any upload is read.
 */
@Controller
class DataController {

    private final DataImport imports;
    private final DataView view;

    DataController(DataImport imports, DataView view) {
        this.imports = imports;
        this.view = view;
    }

    @GetMapping("/needs/data")
    String data(
            @RequestParam(required = false) UUID metric,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String grade,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String place,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        ForbiddenException.unless(MetricCatalog.mayRead(user));
        model.addAttribute("page", view.page(user, metric, year, grade, group, place, LocaleContextHolder.getLocale()));
        model.addAttribute("mayImport", DataImport.mayImport(user));
        return "needs/data";
    }

    @GetMapping("/needs/data/import")
    String importForm(@AuthenticationPrincipal SignedInUser user, Model model) {
        ForbiddenException.unless(DataImport.mayImport(user));
        model.addAttribute("maxMegabytes", imports.maxUploadMegabytes());
        return "needs/data-import";
    }

    @PostMapping("/needs/data/import")
    String importTable(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        ForbiddenException.unless(DataImport.mayImport(user));
        model.addAttribute("maxMegabytes", imports.maxUploadMegabytes());
        if (file == null || file.isEmpty()) {
            model.addAttribute("tableError", "needs.import.error.noFile");
            response.setStatus(422);
            return "needs/data-import";
        }
        DataImport.Result result = imports.importTable(
                user, new DataImport.Upload(file.getOriginalFilename(), file.getSize(), file::getInputStream));
        if (!result.applied()) {
            response.setStatus(422);
        }
        model.addAttribute("tableResult", result);
        model.addAttribute("filename", file.getOriginalFilename());
        return "needs/data-import";
    }

    @PostMapping("/needs/data/import/edfi")
    String importEdFi(
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        ForbiddenException.unless(DataImport.mayImport(user));
        model.addAttribute("maxMegabytes", imports.maxUploadMegabytes());
        List<DataImport.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile file : files) {
                if (!file.isEmpty()) {
                    uploads.add(
                            new DataImport.Upload(file.getOriginalFilename(), file.getSize(), file::getInputStream));
                }
            }
        }
        DataImport.Result result = imports.importEdFi(user, uploads);
        if (!result.applied()) {
            response.setStatus(422);
        }
        model.addAttribute("edfiResult", result);
        model.addAttribute("filename", uploads.size() == 1 ? uploads.get(0).name() : String.valueOf(uploads.size()));
        return "needs/data-import";
    }
}

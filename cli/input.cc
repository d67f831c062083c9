#include "input.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

namespace twicetold::cli {

void AddInputFlags(CLI::App* command, InputFlags* flags) {
  command->add_option("INPUT", flags->paths,
                      "text files, folders, JSON lines (.jsonl, .ndjson; also .gz, .zst, .xz), "
                      "HTML pages, WARC files (.warc, .warc.gz) or - for stdin")
      ->required();
  command->add_option("--id-field", flags->read.id_field, "JSON field of the id")
      ->capture_default_str();
  command->add_option("--title-field", flags->read.title_field, "JSON field of the title")
      ->capture_default_str();
  command->add_option("--text-field", flags->read.body_field, "JSON field of the body")
      ->capture_default_str();
  command->add_option("--source-field", flags->read.source_field, "JSON field of the outlet")
      ->capture_default_str();
  command->add_option("--url-field", flags->read.url_field, "JSON field of the URL")
      ->capture_default_str();
  command->add_option("--published-field", flags->read.published_field,
                      "JSON field of the publication time")
      ->capture_default_str();
  command->add_option("--max-record-bytes", flags->read.max_record_bytes,
                      "reject records larger than this")
      ->capture_default_str();
  command->add_flag("--strict", flags->strict,
                    "exit with status 3 if any record was rejected");
  command->add_flag("-q,--quiet", flags->quiet, "do not print the read summary");
}

void PrintRejected(const Rejected& rejected) {
  std::cerr << "twicetold: rejected " << rejected.location.ToString() << ": "
            << rejected.reason << "\n";
}

void PrintReadSummary(const ReadSummary& summary) {
  std::cerr << "twicetold: read " << summary.read
            << (summary.read == 1 ? " record: " : " records: ")
            << summary.accepted << " accepted, " << summary.skipped
            << " skipped, " << summary.rejected << " rejected\n";
}

Status CheckInputPaths(const std::vector<std::string>& paths) {
  for (const std::string& path : paths) {
    if (path == "-" || ::access(path.c_str(), R_OK) == 0) continue;
    const int error = errno;
    std::string message = "cannot read " + path + ": " + std::strerror(error);
    if (error == ENOENT) return NotFoundError(std::move(message));
    return IOError(std::move(message));
  }
  return Status::Ok();
}

Result<ReadSummary> ReadArticles(const InputFlags& flags,
                                 const ArticleCallback& on_article) {
  RETURN_IF_ERROR(CheckInputPaths(flags.paths));
  const auto on_rejected = [](Rejected&& rejected) { PrintRejected(rejected); };
  Result<ReadSummary> summary =
      ReadInputs(flags.paths, flags.read, on_article, on_rejected);
  if (summary.ok() && !flags.quiet) PrintReadSummary(*summary);
  return summary;
}

Status FlushOutput(std::ostream& out, std::string_view what) {
  out.flush();
  if (!out) return IOError("cannot write " + std::string(what));
  return Status::Ok();
}

}  // namespace twicetold::cli

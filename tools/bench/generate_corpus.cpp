// Deterministic benchmark corpus: N plans of M activities each, valid 2025 plans for rules/aa.akkoord
// (every basic task, taakvelden of 2025, budgets that add up to the contribution, hours matching fte).
// The same seed gives the same bytes on every machine: a small linear congruential generator, no <random>
// distributions (their output is implementation-defined).
//
//   bench_corpus --plans 1000 --activities 60 --seed 1 --out DIR
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace {

struct task_kind {
  const char* task;
  const char* executor;
  const char* responsible;
  const char* taakveld;
  int share;  // AA tasks: percent of the contribution; kernorganisatie tasks: thousands of euros (paid apart)
  const char* description;
};

// Basic tasks first: a plan of at least 14 activities has every kind. The shares keep every taakveld under
// the benchmark of rules/aa.akkoord and overhead under 25%, so the corpus is clean.
constexpr task_kind tasks[] = {
    {"burgerzaken", "AA", "aalsmeer", "0.2", 7, "Balie, reisdocumenten, rijbewijzen en basisregistratie personen"},
    {"belastingen", "AA", "aalsmeer", "0.61", 8, "Heffing en inning onroerendezaakbelasting woningen"},
    {"openbare_orde", "AA", "aalsmeer", "1.2", 9, "Openbare orde en veiligheid, toezicht en handhaving"},
    {"groen", "AA", "aalsmeer", "5.7", 9, "Onderhoud openbaar groen, bomen en speelvoorzieningen"},
    {"wmo", "AA", "aalsmeer", "6.60", 15, "Hulpmiddelen en diensten Wmo, woningaanpassingen"},
    {"jeugd", "AA", "aalsmeer", "6.751", 15, "Jeugdhulp met verblijf, pleegzorg en gezinshuizen"},
    {"ruimtelijke_ordening", "AA", "aalsmeer", "8.1", 8, "Omgevingsplan, omgevingsvisie en vergunningverlening"},
    {"overhead", "AA", "amstelveen", "0.4", 12, "ICT, HR, inkoop en financiele administratie"},
    {"belastingen", "AA", "aalsmeer", "0.62", 5, "Heffing en inning onroerendezaakbelasting niet-woningen"},
    {"wmo", "AA", "aalsmeer", "6.711", 7, "Huishoudelijke hulp en begeleiding thuis"},
    {"jeugd", "AA", "aalsmeer", "6.752", 5, "Jeugdhulp zonder verblijf, ambulante ondersteuning"},
    {"strategie", "kernorganisatie", "aalsmeer", "0.1", 420, "Strategisch advies aan college en raad"},
    {"planning_control", "kernorganisatie", "aalsmeer", "0.4", 180, "Begroting, jaarrekening en tussenrapportages"},
    {"deelnemingen", "kernorganisatie", "aalsmeer", "0.1", 95, "Advies over verbonden partijen en deelnemingen"},
};
constexpr std::size_t task_count = sizeof tasks / sizeof tasks[0];
constexpr std::int64_t contribution_cents = 19'700'000'00;  // EUR 20,000,000 minus the 1.5% saving

class lcg {
 public:
  explicit lcg(std::uint64_t seed) : state_(seed * 6364136223846793005ull + 1442695040888963407ull) {}
  std::uint32_t next() {
    state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>(state_ >> 33);
  }
  std::uint32_t below(std::uint32_t n) { return next() % n; }

 private:
  std::uint64_t state_;
};

// "1_234_567.89" from cents
std::string euros(std::int64_t cents) {
  std::string whole = std::to_string(cents / 100);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += '_';
    grouped += whole[i];
  }
  const int rest = static_cast<int>(cents % 100);
  if (rest == 0) return grouped;
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, ".%02d", rest);
  return grouped + buffer;
}

std::string plan_text(std::size_t index, std::size_t activities, lcg& rng) {
  // Kinds are dealt round-robin, so each kind has activities / 14 activities (give or take one); the AA
  // kinds share the contribution by their `share`, exactly to the cent: pairs of activities get base + r and
  // base - r, and the last one of a kind takes what is left.
  std::size_t per_kind[task_count] = {};
  for (std::size_t i = 0; i < activities; ++i) ++per_kind[i % task_count];
  std::int64_t left[task_count];
  std::int64_t aa_total = 0;
  for (std::size_t k = 0; k < task_count; ++k) {
    const bool aa = std::string_view(tasks[k].executor) == "AA";
    left[k] = per_kind[k] == 0 ? 0 : aa ? contribution_cents / 100 * tasks[k].share : tasks[k].share * 1'000'00LL;
    if (aa) aa_total += left[k];
  }
  std::size_t seen[task_count] = {};
  std::int64_t pending[task_count] = {};  // the r of an unfinished pair

  std::string body;
  body.reserve(activities * 280 + 512);
  for (std::size_t i = 0; i < activities; ++i) {
    const std::size_t k = i % task_count;
    const task_kind& t = tasks[k];
    std::int64_t cents;
    {
      const std::size_t n = per_kind[k] - seen[k];  // activities of this kind still to come, this one included
      const std::int64_t base = left[k] / static_cast<std::int64_t>(n);
      if (n == 1) {
        cents = left[k];
      } else if (seen[k] % 2 == 0) {
        pending[k] = static_cast<std::int64_t>(rng.below(static_cast<std::uint32_t>(base / 2 + 1)));
        cents = base + pending[k];
      } else {
        cents = base - pending[k];
      }
      left[k] -= cents;
    }
    ++seen[k];
    const int tenths_fte = 5 + static_cast<int>(rng.below(80));  // 0.5 .. 8.4 fte
    const int hours = tenths_fte * 1536 / 10;
    char buffer[640];
    std::snprintf(buffer, sizeof buffer,
                  "\n[[activity]]\nid = \"A-%06zu\"\ntask = \"%s\"\nexecutor = \"%s\"\nresponsible = \"%s\"\n"
                  "taakveld = \"%s\"\nbudget = %s\nfte = %d.%d\nhours = %d\ndescription = \"%s\"\n",
                  i + 1, t.task, t.executor, t.responsible, t.taakveld, euros(cents).c_str(), tenths_fte / 10,
                  tenths_fte % 10, hours, t.description);
    body += buffer;
    if (i % 10 == 3) body += "from = 2025-03-01\nto = 2025-10-31\n";
  }
  char buffer[512];
  std::snprintf(buffer, sizeof buffer,
                "# Benchmark plan %zu (generated by bench_corpus; illustrative)\n[plan]\nagreement = \"AA\"\n"
                "municipality = \"aalsmeer\"\nyear = 2025\nstatus = \"vastgesteld\"\nadopted = 2024-11-12\n\n"
                "[contribution]\nid = \"dienstverleningsbijdrage\"\ntotal = %s\n",
                index, euros(aa_total).c_str());
  return buffer + body + "\n[[milestone]]\nid = \"evaluatie\"\ncompleted = 2025-06-20\n";
}

int usage() {
  std::fprintf(stderr, "usage: bench_corpus --plans N --activities M [--seed S] --out DIR\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t plans = 0, activities = 0;
  std::uint64_t seed = 1;
  std::string out;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (flag == "--plans") plans = std::strtoull(argv[i + 1], nullptr, 10);
    else if (flag == "--activities") activities = std::strtoull(argv[i + 1], nullptr, 10);
    else if (flag == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (flag == "--out") out = argv[i + 1];
    else return usage();
  }
  if (plans == 0 || out.empty()) return usage();
  std::filesystem::create_directories(out);
  lcg rng(seed);
  for (std::size_t p = 0; p < plans; ++p) {
    char name[64];
    std::snprintf(name, sizeof name, "plan-%05zu.toml", p + 1);
    std::ofstream file(std::filesystem::path(out) / name, std::ios::binary);
    file << plan_text(p + 1, activities, rng);
    if (!file) {
      std::fprintf(stderr, "bench_corpus: cannot write %s\n", name);
      return 1;
    }
  }
  return 0;
}

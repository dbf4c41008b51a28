"""`ctip synth`: load a synthetic national dataset (see ctip/core/README.md)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ctip.core.text import vn_int
from ctip.ops.synth import Options, SynthError, synth_load

DEFAULTS = Options()


class Command(BaseCommand):
    help = (
        "Load a synthetic dataset (activities, victim cases, criminal cases, watchlist) over "
        "provinces chosen by a seed, before and after the 2025 reform. Skipped if the seed is "
        "already loaded. Never on a production server."
    )

    def add_arguments(self, parser):
        parser.add_argument("--provinces", type=int, default=DEFAULTS.provinces)
        parser.add_argument("--years", type=int, default=DEFAULTS.years, help="ending today")
        parser.add_argument("--activities", type=int, default=DEFAULTS.activities)
        parser.add_argument("--victims", type=int, default=DEFAULTS.victims, help="victim cases")
        parser.add_argument("--cases", type=int, default=DEFAULTS.cases, help="criminal cases")
        parser.add_argument("--watchlist", type=int, default=DEFAULTS.watchlist)
        parser.add_argument("--seed", type=int, default=DEFAULTS.seed)
        parser.add_argument(
            "--no-reference",
            action="store_true",
            help="do not (re)load the reference data first (it is already loaded)",
        )

    def handle(self, *args, **options):
        wanted = Options(**{k: options[k] for k in DEFAULTS.__dataclass_fields__})
        try:
            result = synth_load(
                wanted, report=self.stdout.write, reference=not options["no_reference"]
            )
        except SynthError as exc:
            raise CommandError(str(exc)) from exc
        if result.skipped:
            self.stdout.write(
                _(
                    "Dữ liệu mô phỏng với seed %(seed)s đã được nạp (nhật ký số %(batch)s); "
                    "không thêm gì."
                )
                % {"seed": wanted.seed, "batch": result.batch}
            )
            return
        counts = ", ".join(f"{k} {vn_int(v)}" for k, v in result.counts.items())
        self.stdout.write(
            _(
                "Đã nạp dữ liệu mô phỏng (seed %(seed)s, nhật ký số %(batch)s) trong "
                "%(seconds)s giây: %(counts)s."
            )
            % {
                "seed": wanted.seed,
                "batch": result.batch,
                "seconds": f"{result.seconds:.1f}",
                "counts": counts,
            }
        )

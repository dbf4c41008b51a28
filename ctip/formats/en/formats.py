# English pages keep Vietnamese formats: the data (dates, figures) is Vietnamese officialdom's.
from ctip.formats.vi.formats import *  # noqa: F403

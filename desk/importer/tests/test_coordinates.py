from plugins.entries.registry import Place
from desk.importer.coordinates import _index, propose

CITIES = [
    {"geonameid": 703845, "name": "Kryvyy Rih", "latitude": 47.90572, "longitude": 33.39404, "countrycode": "UA",
     "population": 652380, "alternatenames": ["Krivoy Rog", "Кривий Ріг"]},
    {"geonameid": 1, "name": "Moscow", "latitude": 46.73, "longitude": -117.0, "countrycode": "US",
     "population": 25060, "alternatenames": []},
    {"geonameid": 524901, "name": "Moscow", "latitude": 55.75, "longitude": 37.62, "countrycode": "RU",
     "population": 10381222, "alternatenames": ["Москва"]},
]
CODES = {"ukraine": "UA", "russia": "RU", "united states": "US"}


def test_a_place_is_found_by_any_of_its_names_in_any_script():
    place = Place(id="kryvyi-rih", name="Kryvyi Rih", aliases=("Кривий Ріг",), country="Ukraine")
    proposal = propose(place, _index(CITIES), CODES)
    assert (proposal.geonameid, proposal.lat, proposal.lon) == (703845, 47.90572, 33.39404)
    assert proposal.yaml() == "  lat: 47.9057  # GeoNames 703845 (Kryvyy Rih)\n  lon: 33.394"


def test_the_places_country_decides_between_namesakes():
    idaho = Place(id="moscow-idaho", name="Moscow", country="United States")
    assert propose(idaho, _index(CITIES), CODES).geonameid == 1
    assert propose(Place(id="moscow", name="Moscow"), _index(CITIES), CODES).geonameid == 524901  # the largest


def test_an_unknown_name_gets_no_proposal():
    assert propose(Place(id="atlantis", name="Atlantis"), _index(CITIES), CODES) is None

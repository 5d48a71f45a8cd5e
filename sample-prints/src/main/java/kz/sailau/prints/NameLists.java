package kz.sailau.prints;

import java.util.List;

/**
 * Common Kazakh and Russian first names and surnames, combined at random: no list entry and no combination
 * stands for a real person. Surnames are given in the masculine form; the feminine adds "а".
 */
final class NameLists {

    static final List<String> KAZAKH_SURNAMES = List.of(
            "Ахметов", "Бекмұханов", "Жақыпов", "Қасымов", "Нұрланов", "Сәрсенбаев", "Тоқтаров", "Оспанов",
            "Серікбаев", "Әлімжанов", "Ғабитов", "Құрманов", "Мұхаметжанов", "Өмірзақов", "Үсенов", "Жұмабеков",
            "Ерғалиев", "Есенов", "Ибраев", "Кенжебеков", "Төлеуов", "Байжанов", "Смағұлов", "Шәріпов",
            "Ізбасаров", "Теңізбаев", "Шаһмарданов", "Дүйсенов", "Әбенов", "Қожахметов");
    static final List<String> RUSSIAN_SURNAMES = List.of(
            "Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков",
            "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов");
    static final List<String> KAZAKH_MALE = List.of(
            "Айдар", "Ерлан", "Нұрлан", "Серік", "Асқар", "Бауыржан", "Дәулет", "Ержан", "Қайрат", "Марат",
            "Мұрат", "Талғат", "Жандос", "Әлібек", "Ғалым", "Еркебұлан", "Дархан", "Санжар", "Ілияс", "Аңсар",
            "Өркен", "Ұлан");
    static final List<String> KAZAKH_FEMALE = List.of(
            "Айгүл", "Әсел", "Гүлнар", "Динара", "Жанар", "Қарлығаш", "Мәдина", "Нұргүл", "Салтанат", "Сәуле",
            "Әйгерім", "Аружан", "Жансая", "Ұлжан", "Гүлмира", "Ақбота", "Индира", "Меруерт", "Айжан", "Ботагөз",
            "Зуһра", "Іңкәр");
    static final List<String> RUSSIAN_MALE = List.of(
            "Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Иван", "Михаил", "Николай", "Владимир",
            "Евгений", "Павел", "Виктор");
    static final List<String> RUSSIAN_FEMALE = List.of(
            "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Анна", "Мария", "Екатерина", "Юлия",
            "Людмила", "Галина");
    /** Russian patronymics, masculine and feminine, by father's name. */
    static final List<String[]> RUSSIAN_PATRONYMICS = List.of(
            new String[] {"Александрович", "Александровна"}, new String[] {"Сергеевич", "Сергеевна"},
            new String[] {"Дмитриевич", "Дмитриевна"}, new String[] {"Андреевич", "Андреевна"},
            new String[] {"Алексеевич", "Алексеевна"}, new String[] {"Иванович", "Ивановна"},
            new String[] {"Михайлович", "Михайловна"}, new String[] {"Николаевич", "Николаевна"},
            new String[] {"Владимирович", "Владимировна"}, new String[] {"Викторович", "Викторовна"});

    private NameLists() {
    }

    static String pick(List<String> list, SeededRandom random) {
        return list.get(random.nextInt(list.size()));
    }
}
